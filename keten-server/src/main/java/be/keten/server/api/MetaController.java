package be.keten.server.api;

import be.keten.server.security.CurrentUser;
import be.keten.server.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is calling, and which build answers. Any logged-in user. */
@RestController
@Tag(name = "Server", description = "Build information and the caller's identity (health and metrics: /actuator)")
public class MetaController {
    /** The build: version and time from the build-info Maven goal; absent members when it was not run. */
    public record Build(String name, String version, Instant time, String java) {
    }

    /** The caller: account name and role (absent for a login without a Keten role). */
    public record Me(String name, String role) {
    }

    private final ObjectProvider<BuildProperties> build;
    private final CurrentUser user;

    public MetaController(ObjectProvider<BuildProperties> build, CurrentUser user) {
        this.build = build;
        this.user = user;
    }

    @GetMapping("/api/build")
    @Operation(summary = "The server's version and build time")
    public Build build() {
        BuildProperties b = build.getIfAvailable();
        String java = System.getProperty("java.version");
        return b == null ? new Build("keten-server", null, null, java) : new Build(b.getArtifact(), b.getVersion(), b.getTime(), java);
    }

    @GetMapping("/api/me")
    @Operation(summary = "Your account name and role")
    public Me me() {
        return new Me(user.name(), user.role().map(Role::code).orElse(null));
    }
}
