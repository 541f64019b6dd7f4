package org.pagewalk.web.lessons;

import org.pagewalk.scenario.StepResult;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.dom.Js;

/**
 * The postMessage API for course pages (docs/EMBEDDING.md). Messages in:
 * <ul>
 * <li>{@code {type: "pagewalk:run", line, id}}: runs one scenario line;</li>
 * <li>{@code {type: "pagewalk:load", scenario, id}}: runs a whole scenario as a lesson;</li>
 * <li>{@code {type: "pagewalk:state", id}}: asks for the registers and globals.</li>
 * </ul>
 * Each gets one reply to its sender, {@code {type: "pagewalk:result", id, ...}}. When the page
 * is ready it tells its parent {@code {type: "pagewalk:ready"}}.
 */
final class MessageApi {
    private MessageApi() {
    }

    static void install(App app, Lessons lessons) {
        Js.onMessage((data, source, origin) -> Guard.run(() -> {
            String type = Js.messageType(data);
            if (!type.startsWith("pagewalk:") || type.equals("pagewalk:result") || type.equals("pagewalk:ready")) {
                return;
            }
            String id = Js.messageField(data, "id");
            StringBuilder json = new StringBuilder("{\"type\":\"pagewalk:result\",\"request\":").append(q(type))
                    .append(",\"id\":").append(id == null ? "null" : q(id));
            switch (type) {
                case "pagewalk:run": {
                    String line = Js.messageField(data, "line");
                    if (line == null) {
                        json.append(",\"status\":\"error\",\"message\":\"pagewalk:run needs a 'line' with one scenario line\"");
                        break;
                    }
                    StepResult r = app.run(line);
                    app.flush();
                    json.append(",\"status\":").append(q(r.status().name().toLowerCase())).append(",\"message\":")
                            .append(q(r.message()));
                    break;
                }
                case "pagewalk:load": {
                    String text = Js.messageField(data, "scenario");
                    int[] verdict = text == null ? null : lessons.runScenario(text, "Scenario from the course page");
                    if (verdict == null) {
                        json.append(",\"status\":\"error\",\"message\":\"pagewalk:load needs a 'scenario' with valid scenario text\"");
                    } else {
                        json.append(",\"status\":").append(q(verdict[1] == 0 ? "passed" : "failed")).append(",\"passed\":")
                                .append(verdict[0]).append(",\"failed\":").append(verdict[1]);
                    }
                    app.flush();
                    break;
                }
                case "pagewalk:state":
                    json.append(",\"status\":\"ok\"");
                    break;
                default:
                    json.append(",\"status\":\"error\",\"message\":").append(q("unknown message type '" + type
                            + "': use pagewalk:run, pagewalk:load or pagewalk:state"));
                    break;
            }
            json.append(",\"state\":").append(org.pagewalk.web.StateJson.of(app)).append('}');
            Js.reply(source, json.toString());
        }));
        Js.tellParent("{\"type\":\"pagewalk:ready\"}");
    }

    static String q(String s) {
        return org.pagewalk.text.JsonText.quote(s);
    }
}
