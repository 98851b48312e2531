/** Event contracts shared by the services: plain records, no framework. */
package io.airtix.events;
