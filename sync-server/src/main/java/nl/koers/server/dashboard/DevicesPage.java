package nl.koers.server.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import nl.koers.server.auth.Role;
import nl.koers.server.export.Html;
import nl.koers.server.store.Device;

/**
 * A project's phones, for its leader: the coaches, language buddies and jobcoaches with their
 * devices (each revocable), a form per person to issue a one-time pairing code, and a code just
 * issued in big type with its QR image and expiry.
 */
final class DevicesPage {

    /** Times on this page are Dutch local time, where the projects are. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** Someone who works with participants in the project, and their devices. */
    record Member(UUID userId, String name, Role role, List<Device> devices) {
    }

    /** A pairing code just issued: shown once, on this page only. */
    record Issued(String userName, String code, String qrDataUri, Instant expiresAt, long minutes) {
    }

    private DevicesPage() {
    }

    static String render(DashboardText t, UUID projectId, String projectName, List<Member> members, Issued issued,
                         String csrf, Filters filters) {
        String base = DashboardPage.BASE + "/project/" + projectId;
        String lang = DashboardPage.hidden("lang", filters.get("lang"));
        StringBuilder html = new StringBuilder(8 * 1024);
        html.append("<div class=\"heading\"><div><p class=\"crumb\"><a id=\"back\" href=\"").append(base)
                .append(DashboardPage.langOnly(filters)).append("\">").append(Html.escape(projectName)).append("</a> / ")
                .append(t.get("devices.title")).append("</p><h1 id=\"page-title\">").append(t.get("devices.title"))
                .append("</h1><p class=\"asof\">").append(t.get("devices.intro")).append("</p></div></div>");
        if (issued != null) {
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", t.locale()).withZone(ZONE);
            html.append("<section class=\"pairing\" id=\"pairing\"><h2>")
                    .append(t.get("devices.code_for", issued.userName())).append("</h2>")
                    .append("<p class=\"pairing-code\" id=\"pairing-code\">").append(Html.escape(issued.code())).append("</p>")
                    .append("<img id=\"pairing-qr\" class=\"pairing-qr\" width=\"240\" height=\"240\" alt=\"")
                    .append(t.get("devices.qr_alt")).append("\" src=\"").append(issued.qrDataUri()).append("\">")
                    .append("<p id=\"pairing-expiry\">").append(t.get("devices.expires", time.format(issued.expiresAt()),
                            issued.minutes())).append("</p></section>");
        }
        html.append("<section class=\"members\" id=\"members\"><div class=\"scroll\"><table><thead><tr><th>")
                .append(t.get("devices.person")).append("</th><th>").append(t.get("devices.role")).append("</th><th>")
                .append(t.get("devices.devices")).append("</th><th></th></tr></thead><tbody>");
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", t.locale()).withZone(ZONE);
        for (Member member : members) {
            html.append("<tr class=\"member\" data-user=\"").append(member.userId()).append("\"><td>")
                    .append(Html.escape(member.name())).append("</td><td>").append(t.get("devices.role." + member.role().name()))
                    .append("</td><td>");
            if (member.devices().isEmpty()) {
                html.append("<span class=\"empty\">").append(t.get("devices.none")).append("</span>");
            }
            for (Device device : member.devices()) {
                html.append("<div class=\"device\" data-device=\"").append(device.id()).append("\">")
                        .append(Html.escape(device.name())).append(" · ")
                        .append(t.get("devices.paired", day.format(Instant.ofEpochMilli(device.createdAt()))));
                if (device.revoked()) {
                    html.append(" · <span class=\"badge\">").append(t.get("devices.revoked")).append("</span>");
                } else {
                    html.append("<form method=\"post\" class=\"inline\" action=\"").append(base).append("/devices/")
                            .append(device.id()).append("/revoke\">").append(DashboardPage.hidden("csrf", csrf)).append(lang)
                            .append("<button type=\"submit\" class=\"revoke\">").append(t.get("devices.revoke"))
                            .append("</button></form>");
                }
                html.append("</div>");
            }
            html.append("</td><td><form method=\"post\" action=\"").append(base).append("/pairing-code\">")
                    .append(DashboardPage.hidden("csrf", csrf)).append(lang)
                    .append(DashboardPage.hidden("userId", member.userId().toString()))
                    .append("<button type=\"submit\" class=\"issue\">").append(t.get("devices.issue"))
                    .append("</button></form></td></tr>");
        }
        html.append("</tbody></table></div></section>");
        return html.toString();
    }
}
