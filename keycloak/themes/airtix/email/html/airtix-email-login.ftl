<#import "template.ftl" as layout>
<@layout.emailLayout>
<#if newAccount>
${kcSanitize(msg("airtixEmailLoginNewAccountBodyHtml", link, code, lifetime))?no_esc}
<#else>
${kcSanitize(msg("airtixEmailLoginBodyHtml", link, code, lifetime))?no_esc}
</#if>
</@layout.emailLayout>
