<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true displayInfo=true; section>
<!-- template: airtix-email-login-code.ftl -->

    <#if section = "header">
        ${msg("airtixEmailLoginCheckMailTitle")}
    <#elseif section = "form">
        <p id="airtix-email-login-sent">${msg("airtixEmailLoginSent", emailLogin.address, emailLogin.lifetime)}</p>
        <form id="airtix-email-login-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="code" label=msg("airtixEmailLoginCode") autocomplete="one-time-code" autofocus=true error="" />
            <@buttons.actionGroup>
                <@buttons.button id="airtix-email-login-verify" name="verify" label="airtixEmailLoginVerify"/>
            </@buttons.actionGroup>
        </form>
        <form id="airtix-email-login-again-form" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="restart" value="on"/>
            <@buttons.actionGroup>
                <@buttons.button id="airtix-email-login-again" name="again" label="airtixEmailLoginAgain" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <a id="airtix-email-login-password" href="${url.loginRestartFlowUrl}">${msg("airtixEmailLoginUsePassword")}</a>
    </#if>

</@layout.registrationLayout>
