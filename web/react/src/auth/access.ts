/** What a person may do, read from their access token: shared with the Vue and Svelte apps. */
export * from '@airtix/web-shared/access';
