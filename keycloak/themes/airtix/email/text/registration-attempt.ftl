<#ftl output_format="plainText">
${msg("registrationAttemptBody", signInUrl, realmName)}
