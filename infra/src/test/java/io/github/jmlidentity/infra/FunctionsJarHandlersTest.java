package io.github.jmlidentity.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every Lambda Handler in the synthesized template names a class of the functions.jar the reactor built, with a
 * public handleRequest: the contract, the CDK app and the functions agree on what Lambda will load.
 */
class FunctionsJarHandlersTest {

    private static final Path FUNCTIONS_JAR = Path.of(System.getProperty("jml.functions.jar",
            TestStacks.REPO_ROOT.resolve("functions/target/functions.jar").toString()));

    @Test
    void every_handler_in_the_template_is_a_request_stream_handler_in_functions_jar() throws Exception {
        assertThat(FUNCTIONS_JAR).as("functions.jar, built by the reactor before infra (mvn -B verify)").isRegularFile();
        List<String> handlers = TestStacks.defaults().resources("AWS::Lambda::Function").values().stream()
                .map(function -> (String) TestStacks.Synthesized.properties(function).get("Handler")).toList();
        // joiner, mover, leaver, canceller, scheduler, reconcile
        assertThat(handlers).hasSize(6).doesNotHaveDuplicates();

        try (URLClassLoader jar = new URLClassLoader(new URL[] {FUNCTIONS_JAR.toUri().toURL()}, null)) {
            Class<?> streamHandler = jar.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
            for (String handler : handlers) {
                String[] classAndMethod = handler.split("::");
                assertThat(classAndMethod).as(handler).hasSize(2);
                // Loaded, not initialised: a handler's static init wires the functions from the environment.
                Class<?> type = Class.forName(classAndMethod[0], false, jar);
                assertThat(streamHandler.isAssignableFrom(type)).as("%s is a RequestStreamHandler", type).isTrue();
                assertThat(Modifier.isAbstract(type.getModifiers())).as("%s can be instantiated", type).isFalse();
                assertThat(type.getConstructor()).as("%s has a public no-argument constructor", type).isNotNull();
                assertThat(Arrays.stream(type.getMethods()).map(Method::getName)).as(handler).contains(classAndMethod[1]);
            }
        }
    }
}
