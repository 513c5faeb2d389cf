package dev.mimg.registry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Authorization} header for each request: none until a registry answers 401, then Basic credentials or
 * a Bearer token per the challenge; the challenge is remembered per registry and tokens are cached per scope.
 */
final class Authorizer {

  private final CredentialSource credentials;
  private final TokenClient tokens;
  private final RegistryErrors errors;
  private final Clock clock;
  private final Map<String, AuthChallenge> challenges = new ConcurrentHashMap<>();
  private final Map<String, BearerToken> cachedTokens = new ConcurrentHashMap<>();
  private final Map<String, Optional<Credential>> logins = new ConcurrentHashMap<>();

  Authorizer(CredentialSource credentials, TokenClient tokens, RegistryErrors errors, Clock clock) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.errors = errors;
    this.clock = clock;
  }

  /** The header to send up front, when {@code domain} asked for authentication before. */
  Optional<String> known(String domain, String scope, String subject) {
    AuthChallenge challenge = challenges.get(domain);
    if (challenge == null) {
      return Optional.empty();
    }
    BearerToken token = cachedTokens.get(domain + " " + scope);
    if (challenge.isBearer() && token != null && token.isFresh(clock.instant())) {
      return Optional.of(token.header());
    }
    return Optional.of(answer(domain, scope, List.of(challenge), subject));
  }

  /** The header that answers a 401's challenges (a fresh token for Bearer); throws when there is no answer. */
  String answer(String domain, String scope, List<AuthChallenge> offered, String subject) {
    Optional<AuthChallenge> bearer = offered.stream().filter(AuthChallenge::isBearer).findFirst();
    Optional<AuthChallenge> basic = offered.stream().filter(AuthChallenge::isBasic).findFirst();
    Optional<Credential> login = login(domain);
    if (bearer.isPresent()) {
      challenges.put(domain, bearer.get());
      BearerToken token = tokens.fetch(bearer.get(), scope, login, domain, subject);
      cachedTokens.put(domain + " " + scope, token);
      return token.header();
    }
    if (basic.isPresent()) {
      if (login.isEmpty() || login.get().isIdentityToken()) {
        throw errors.noCredentials(subject, domain);
      }
      challenges.put(domain, basic.get());
      return TokenClient.basic(login.get());
    }
    throw new RegistryException(subject + ": unauthorized (401): " + domain + " asks for "
        + (offered.isEmpty() ? "no known authentication scheme" : "the unsupported scheme " + offered.get(0).scheme()));
  }

  /** True when a credential is configured for {@code domain}. */
  boolean hasLogin(String domain) {
    return login(domain).isPresent();
  }

  private Optional<Credential> login(String domain) {
    return logins.computeIfAbsent(domain, credentials::lookup);
  }
}
