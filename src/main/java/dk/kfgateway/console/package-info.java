/**
 * The web console for Klinisk Funktion's secretariat and the gateway's administrator, served at {@code /console}: a
 * browser app (plain HTML, CSS and JavaScript in {@code static/console}) that signs the person in (authorization code
 * with PKCE, {@code security.PeopleSignIn}) and then works only through the gateway's own FHIR API with the person's
 * token, under the same allow-list, tenancy and audit as every other caller. The server side here only serves the
 * page, its sign-in configuration and form, and the role's views.
 */
package dk.kfgateway.console;
