/**
 * Who may do what on the event broker: one account per service and one for Keycloak, each allowed
 * to publish only the events it owns, and the names of the exchanges and queues those rights are
 * about. The embedded broker's access rules and RabbitMQ's permissions are both derived from here.
 */
package io.airtix.events.broker;
