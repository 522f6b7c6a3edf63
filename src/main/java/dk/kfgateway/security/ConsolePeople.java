package dk.kfgateway.security;

import dk.kfgateway.GatewayProperties;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The people the embedded authorisation server signs in for the console ({@code gateway.console.people}): their
 * passwords for the sign-in form, and who they are for their tokens ({@link GatewayTokenCustomizer}). In production
 * the region's identity provider signs people in instead and writes the same claims.
 */
final class ConsolePeople {

  private final Map<String, GatewayProperties.Console.Person> people;

  ConsolePeople(GatewayProperties.Console console) {
    this.people = console.enabled() ? console.people() : Map.of();
  }

  Optional<GatewayProperties.Console.Person> find(String userName) {
    return Optional.ofNullable(people.get(userName));
  }

  boolean isEmpty() {
    return people.isEmpty();
  }

  UserDetailsService signIn() {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    people.forEach((name, person) -> users.createUser(
        User.withUsername(name).password(person.password()).roles(person.role().name()).build()));
    return users;
  }
}
