package dev.mimg.render;

/** A user-supplied {@code --format} template that cannot be parsed or executed; the message is one line. */
public class TemplateException extends dev.mimg.model.InvalidInputException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code detail}, prefixed with {@code "invalid --format template: "}. */
  public TemplateException(String detail) {
    super("invalid --format template: " + detail);
  }
}
