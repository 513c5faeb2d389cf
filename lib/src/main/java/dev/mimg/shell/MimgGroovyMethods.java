package dev.mimg.shell;

import dev.mimg.model.Image;
import dev.mimg.query.ImageQuery;
import dev.mimg.model.ImageVariant;
import dev.mimg.query.VariantQuery;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * mimg's Groovy extension module (registered in {@code META-INF/groovy}): {@code Duration}/{@code Instant} and
 * size sugar ({@code 30.days.ago}, {@code 5.MB}), and the Closure twins of the DSL's Java steps, typed for IDEs
 * and static compilation: inside {@code where { }} the element is both {@code it} and the delegate, so
 * {@code where { created < 30.days.ago }} reads like the condition it is.
 */
public final class MimgGroovyMethods {

  private MimgGroovyMethods() {
  }

  /** {@code 30.days}: a Duration of that many days. */
  public static Duration getDays(Number self) {
    return Duration.ofDays(self.longValue());
  }

  /** {@code 12.hours}. */
  public static Duration getHours(Number self) {
    return Duration.ofHours(self.longValue());
  }

  /** {@code 90.minutes}. */
  public static Duration getMinutes(Number self) {
    return Duration.ofMinutes(self.longValue());
  }

  /** {@code 2.weeks}. */
  public static Duration getWeeks(Number self) {
    return Duration.ofDays(7 * self.longValue());
  }

  /** {@code 30.days.ago}: the instant that long before now. */
  public static Instant getAgo(Duration self) {
    return Instant.now().minus(self);
  }

  /** {@code 500.kB}: bytes, decimal as Docker prints sizes (Groovy reads {@code kB} through {@code getkB}). */
  public static long getkB(Number self) {
    return Math.round(self.doubleValue() * 1e3);
  }

  /** {@code 5.MB}: bytes, decimal. */
  public static long getMB(Number self) {
    return Math.round(self.doubleValue() * 1e6);
  }

  /** {@code 1.GB}: bytes, decimal. */
  public static long getGB(Number self) {
    return Math.round(self.doubleValue() * 1e9);
  }

  /** The Closure twin of {@link ImageQuery#where}: images for which the closure is Groovy-true. */
  public static ImageQuery where(ImageQuery self,
      @DelegatesTo(value = Image.class, strategy = Closure.DELEGATE_FIRST)
      @ClosureParams(value = SimpleType.class, options = "dev.mimg.model.Image") Closure<?> condition) {
    return self.where(image -> test(condition, image));
  }

  /** The Closure twin of {@link VariantQuery#where}: variants for which the closure is Groovy-true. */
  public static VariantQuery where(VariantQuery self,
      @DelegatesTo(value = ImageVariant.class, strategy = Closure.DELEGATE_FIRST)
      @ClosureParams(value = SimpleType.class, options = "dev.mimg.model.ImageVariant") Closure<?> condition) {
    return self.where(variant -> test(condition, variant));
  }

  /** The Closure twin of {@link ImageQuery#sortBy}: images ordered by the key the closure gives. */
  public static ImageQuery sortBy(ImageQuery self,
      @DelegatesTo(value = Image.class, strategy = Closure.DELEGATE_FIRST)
      @ClosureParams(value = SimpleType.class, options = "dev.mimg.model.Image") Closure<?> key) {
    return self.sortBy(Comparator.comparing(image -> comparable(key, image)));
  }

  /** The Closure twin of {@link VariantQuery#sortBy}: variants ordered by the key the closure gives. */
  public static VariantQuery sortBy(VariantQuery self,
      @DelegatesTo(value = ImageVariant.class, strategy = Closure.DELEGATE_FIRST)
      @ClosureParams(value = SimpleType.class, options = "dev.mimg.model.ImageVariant") Closure<?> key) {
    return self.sortBy(Comparator.comparing(variant -> comparable(key, variant)));
  }

  private static boolean test(Closure<?> condition, Object element) {
    return DefaultTypeTransformation.castToBoolean(call(condition, element));
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> comparable(Closure<?> key, Object element) {
    return (Comparable<Object>) call(key, element);
  }

  /** Calls a copy of the closure with the element as delegate and argument (closures are not thread-safe). */
  private static Object call(Closure<?> closure, Object element) {
    Closure<?> copy = (Closure<?>) closure.clone();
    copy.setResolveStrategy(Closure.DELEGATE_FIRST);
    copy.setDelegate(element);
    return copy.call(element);
  }
}
