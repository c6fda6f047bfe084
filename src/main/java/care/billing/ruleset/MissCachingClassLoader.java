package care.billing.ruleset;

import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the class and resource names its parent does not have. Drools and MVEL probe many
 * names that do not exist (every identifier against every wildcard import); behind the service's
 * jar class loader each miss searches the jars again, which made compiling and first evaluations
 * several times slower than on a flat class path. The application's classes do not change while it
 * runs, so a miss stays a miss.
 */
final class MissCachingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();
    private final Set<String> missingResources = ConcurrentHashMap.newKeySet();

    MissCachingClassLoader(ClassLoader parent) {
        super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new Missing(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missingClasses.add(name);
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        if (missingResources.contains(name)) {
            return null;
        }
        URL url = super.getResource(name);
        if (url == null) {
            missingResources.add(name);
        }
        return url;
    }

    /** A remembered miss; no stack trace, since callers only test for absence. */
    private static final class Missing extends ClassNotFoundException {

        Missing(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
