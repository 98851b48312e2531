<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("registrationAttemptBodyHtml", signInUrl, realmName))?no_esc}
</@layout.emailLayout>
