<#-- Keycloak's layout with a head: a mail program shows the title, and a screen reader announces it -->
<#macro emailLayout>
<!DOCTYPE html>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${realmName}</title>
</head>
<body>
    <#nested>
</body>
</html>
</#macro>
