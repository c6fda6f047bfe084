package care.billing.web;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Map;

/** Users allowed to call protected endpoints: {@code billing.security.users.<name>.password/roles}. */
@ConfigMapping(prefix = "billing.security")
public interface SecurityConfig {

    Map<String, User> users();

    interface User {
        String password();

        List<String> roles();
    }
}
