<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true displayInfo=true; section>
<!-- template: airtix-email-login-address.ftl -->

    <#if section = "header">
        ${msg("airtixEmailLoginTitle")}
    <#elseif section = "form">
        <p id="airtix-email-login-intro">${msg("airtixEmailLoginIntro")}</p>
        <form id="airtix-email-login-address-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="email" label=msg("email") autocomplete="email" autofocus=true value=(emailLogin.address)!'' error="" />
            <@buttons.actionGroup>
                <@buttons.button id="airtix-email-login-send" name="send" label="airtixEmailLoginSend"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <a id="airtix-email-login-password" href="${url.loginRestartFlowUrl}">${msg("airtixEmailLoginUsePassword")}</a>
    </#if>

</@layout.registrationLayout>
