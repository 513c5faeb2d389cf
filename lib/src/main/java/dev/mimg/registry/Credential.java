package dev.mimg.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * What a registry login holds: a username and a secret (password or personal token), or an identity token (a
 * refresh token docker stores as {@code identitytoken} or a helper returns for the user {@code <token>}).
 * {@link #toString()} never shows the secret.
 */
public final class Credential {

  private final String username;
  private final String secret;
  private final boolean identityToken;

  private Credential(String username, String secret, boolean identityToken) {
    this.username = username;
    this.secret = Objects.requireNonNull(secret, "secret");
    this.identityToken = identityToken;
  }

  /** A username and its password (or personal access token). */
  public static Credential basic(String username, String password) {
    return new Credential(Objects.requireNonNull(username, "username"), password, false);
  }

  /** An identity (refresh) token, exchanged at the token server for access tokens. */
  public static Credential identityToken(String token) {
    return new Credential(null, token, true);
  }

  /** The username; empty for an identity token. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The password or the identity token; never log or print it. */
  public String secret() {
    return secret;
  }

  /** True for an identity token, false for a username and password. */
  public boolean isIdentityToken() {
    return identityToken;
  }

  /** The kind of credential and the username, never the secret. */
  @Override
  public String toString() {
    return identityToken ? "Credential[identity token]" : "Credential[user " + username + "]";
  }
}
