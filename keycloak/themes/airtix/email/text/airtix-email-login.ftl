<#ftl output_format="plainText">
<#if newAccount>
${msg("airtixEmailLoginNewAccountBody", link, code, lifetime)}
<#else>
${msg("airtixEmailLoginBody", link, code, lifetime)}
</#if>
