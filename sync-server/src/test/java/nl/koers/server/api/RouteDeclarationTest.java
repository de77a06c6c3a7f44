package nl.koers.server.api;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.List;
import java.util.Set;
import nl.koers.server.auth.Access;
import org.junit.jupiter.api.Test;

/**
 * Declaring is enforcing: no code but {@link RouteTable} puts a route on the web server, so every
 * route goes through {@link Routes} with its {@link Access}, and a kind's path parameter is
 * checked when the route is declared.
 */
class RouteDeclarationTest {

    private static final Set<String> REGISTERING = Set.of("get", "post", "put", "delete", "head", "options", "trace",
            "patch", "any", "route", "register");
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.koers.server");

    @Test
    void onlyTheRouteTable_registersRoutesOnTheWebServer() {
        assertTrue(SERVER.contain(RouteTable.class) && SERVER.contain(AdminHttpService.class), "the server's classes are read");
        noClasses().that().doNotHaveFullyQualifiedName(RouteTable.class.getName())
                .should().callMethodWhere(describe("a route registration on Helidon's HttpRules",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(HttpRules.class)
                                && REGISTERING.contains(call.getName())))
                .because("every route is declared on Routes with its Access; RouteTable alone registers them")
                .check(SERVER);
    }

    @Test
    void noServerClass_isAHelidonServiceOrHandlerOfItsOwn() {
        noClasses().should().implement(HttpService.class).orShould().implement(Handler.class)
                .because("a hand-written service or handler could be registered without an access check")
                .check(SERVER);
    }

    @Test
    void aKindThatTakesAPathParameter_refusesARouteWithoutIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteTable.of(routes ->
                routes.service("/x", service -> service.get("/coach", Access.SIGNED_IN_LEADER_OF_USER,
                        (caller, req, res) -> res.send()))));
        assertTrue(e.getMessage().contains("{userId}"), e.getMessage());
        assertThrows(NullPointerException.class, () -> RouteTable.of(routes ->
                routes.get("/open", null, (caller, req, res) -> res.send())));
    }

    @Test
    void theTable_listsFullPathsInRegistrationOrder() {
        RouteTable table = RouteTable.of(routes -> routes
                .get("/", Access.PUBLIC, (caller, req, res) -> res.send())
                .service("/api/x", service -> service.post("/{projectId}/y", Access.SIGNED_IN_LEADER_OF_PROJECT,
                        (caller, req, res) -> res.send()))
                .service("/files", service -> service.staticFiles("/css", rules -> { })));
        assertEquals(List.of(new Route(Method.GET, "/", Access.PUBLIC),
                new Route(Method.POST, "/api/x/{projectId}/y", Access.SIGNED_IN_LEADER_OF_PROJECT),
                new Route(Method.GET, "/files/css/*", Access.PUBLIC)), table.routes());
    }
}
