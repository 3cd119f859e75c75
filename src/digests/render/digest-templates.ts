/**
 * The digest's layout in MJML, with Handlebars blocks inside: MJML turns it into e-mail-safe HTML once
 * at start, and Handlebars fills it per recipient (rendering MJML for each of thousands of messages
 * would cost far more than sending them).
 */
export const DIGEST_MJML = `
<mjml>
  <mj-head>
    <mj-title>{{subject}}</mj-title>
    <mj-preview>{{preview}}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Arial, Helvetica, sans-serif" />
      <mj-text font-size="15px" line-height="22px" color="#1f2933" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f5f7">
    <mj-section background-color="#0b5cad" padding="16px">
      <mj-column>
        <mj-text color="#ffffff" font-size="20px" font-weight="bold">CityMatch — week {{weekNumber}}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="8px 16px">
      <mj-column>
        <mj-text>Hello {{name}},</mj-text>
        <mj-text>{{intro}}</mj-text>
      </mj-column>
    </mj-section>
    <mj-raw>{{#each sections}}</mj-raw>
    <mj-section background-color="#ffffff" padding="0 16px 8px">
      <mj-column>
        <mj-text font-size="17px" font-weight="bold" padding-bottom="4px">{{heading}}</mj-text>
        <mj-raw>{{#each items}}</mj-raw>
        <mj-text padding-top="6px" padding-bottom="6px">
          <a href="{{link}}" style="color:#0b5cad;font-weight:bold;text-decoration:none">{{title}}</a><br />
          <span style="color:#52606d">{{detail}}</span>
        </mj-text>
        <mj-raw>{{/each}}</mj-raw>
      </mj-column>
    </mj-section>
    <mj-raw>{{/each}}</mj-raw>
    <mj-section padding="12px 16px">
      <mj-column>
        <mj-text font-size="12px" color="#52606d">
          Sent {{sentAt}}. You receive this weekly digest as a CityMatch user.
          <a href="{{unsubscribeUrl}}" style="color:#52606d">Unsubscribe</a> ·
          <a href="{{settingsUrl}}" style="color:#52606d">Digest settings</a>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

export const DIGEST_TEXT = `CityMatch — week {{weekNumber}}

Hello {{name}},

{{intro}}
{{#each sections}}

{{heading}}
{{#each items}}
- {{title}}
  {{detail}}
  {{link}}
{{/each}}
{{/each}}

Sent {{sentAt}}.
Unsubscribe: {{unsubscribeUrl}}
Digest settings: {{settingsUrl}}
`;
