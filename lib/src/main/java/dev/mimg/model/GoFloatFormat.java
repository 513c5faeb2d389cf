package dev.mimg.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Go's {@code fmt.Sprintf("%.<p>g", value)} for finite doubles (strconv 'g' format with explicit precision). */
final class GoFloatFormat {

  private GoFloatFormat() {
  }

  static String formatG(double value, int precision) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    int prec = Math.max(precision, 1);
    String sign = (value < 0 || (value == 0 && 1 / value < 0)) ? "-" : "";
    Decimal digits = Decimal.of(Math.abs(value), prec);

    int eprec = prec;
    if (eprec > digits.count() && digits.count() >= digits.pointPosition()) {
      eprec = digits.count();
    }
    int exponent = digits.pointPosition() - 1;
    if (exponent < -4 || exponent >= eprec) {
      return sign + exponentForm(digits, Math.min(prec, digits.count()) - 1);
    }
    int fixedPrecision = prec > digits.pointPosition() ? digits.count() : prec;
    return sign + fixedForm(digits, Math.max(fixedPrecision - digits.pointPosition(), 0));
  }

  /** Go's fmtE: d.ddde±XX with at least two exponent digits. */
  private static String exponentForm(Decimal d, int fractionDigits) {
    StringBuilder out = new StringBuilder();
    out.append(d.count() == 0 ? '0' : d.digits().charAt(0));
    if (fractionDigits > 0) {
      out.append('.');
      for (int i = 1; i <= fractionDigits; i++) {
        out.append(i < d.count() ? d.digits().charAt(i) : '0');
      }
    }
    int exponent = d.count() == 0 ? 0 : d.pointPosition() - 1;
    out.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    out.append(magnitude < 10 ? "0" + magnitude : Integer.toString(magnitude));
    return out.toString();
  }

  /** Go's fmtF: integer part, then the requested number of fraction digits. */
  private static String fixedForm(Decimal d, int fractionDigits) {
    StringBuilder out = new StringBuilder();
    if (d.pointPosition() > 0) {
      for (int i = 0; i < d.pointPosition(); i++) {
        out.append(i < d.count() ? d.digits().charAt(i) : '0');
      }
    } else {
      out.append('0');
    }
    if (fractionDigits > 0) {
      out.append('.');
      for (int i = 1; i <= fractionDigits; i++) {
        int j = d.pointPosition() + i - 1;
        out.append(j >= 0 && j < d.count() ? d.digits().charAt(j) : '0');
      }
    }
    return out.toString();
  }

  /** Significant digits without trailing zeros; the value is 0.digits x 10^pointPosition. */
  private record Decimal(String digits, int pointPosition) {

    static Decimal of(double nonNegative, int significantDigits) {
      if (nonNegative == 0) {
        return new Decimal("", 0);
      }
      BigDecimal rounded = new BigDecimal(nonNegative)
          .round(new MathContext(significantDigits, RoundingMode.HALF_EVEN))
          .stripTrailingZeros();
      String digits = rounded.unscaledValue().toString();
      return new Decimal(digits, digits.length() - rounded.scale());
    }

    int count() {
      return digits.length();
    }
  }
}
