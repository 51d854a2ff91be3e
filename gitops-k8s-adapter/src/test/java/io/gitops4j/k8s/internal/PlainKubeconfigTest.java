package io.gitops4j.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain kubeconfig read directly gives the client configuration fabric8's own loader gives; others are left to it. */
class PlainKubeconfigTest {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final String EC_KEY = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----\n";

    @TempDir
    Path temp;

    @Test
    void aPlainHttpServerWithAnEmptyUserReadsAsFabric8ReadsIt() throws IOException {
        assertSameAsFabric8(write("""
                apiVersion: v1
                kind: Config
                clusters:
                - name: local
                  cluster:
                    server: http://127.0.0.1:8080
                contexts:
                - name: local
                  context:
                    cluster: local
                    user: local
                    namespace: default
                current-context: local
                users:
                - name: local
                  user: {}
                preferences: {}
                """), null);
    }

    @Test
    void aTokenWithInlineAuthorityAndANamespaceReadsAsFabric8ReadsIt() throws IOException {
        String ca = Base64.getEncoder().encodeToString("not really a certificate".getBytes(StandardCharsets.UTF_8));
        assertSameAsFabric8(write("""
                apiVersion: v1
                kind: Config
                clusters:
                - name: prod
                  cluster:
                    server: https://prod.example.com:6443
                    certificate-authority-data: %s
                    tls-server-name: api.prod.example.com
                contexts:
                - name: prod
                  context:
                    cluster: prod
                    user: deployer
                    namespace: shop
                current-context: prod
                users:
                - name: deployer
                  user:
                    token: abc.def.ghi
                """.formatted(ca)), null);
    }

    @Test
    void relativeCertificateFilesAndAnExplicitContextReadAsFabric8ReadsThem() throws IOException {
        Files.writeString(temp.resolve("client.key"), EC_KEY);
        String keyData = Base64.getEncoder().encodeToString(EC_KEY.getBytes(StandardCharsets.UTF_8));
        Path file = write("""
                apiVersion: v1
                kind: Config
                clusters:
                - name: kind
                  cluster:
                    server: https://127.0.0.1:6443
                    certificate-authority: certs/ca.crt
                - name: other
                  cluster:
                    server: https://other:6443
                    insecure-skip-tls-verify: true
                contexts:
                - name: kind
                  context:
                    cluster: kind
                    user: admin
                - name: other
                  context:
                    cluster: other
                    user: basic
                current-context: kind
                users:
                - name: admin
                  user:
                    client-certificate: certs/client.crt
                    client-key: client.key
                - name: basic
                  user:
                    username: alice
                    password: secret
                - name: inline
                  user:
                    client-certificate-data: Y2VydA==
                    client-key-data: %s
                """.formatted(keyData));
        assertSameAsFabric8(file, null);
        assertSameAsFabric8(file, "other");
    }

    @Test
    void contextsWithPluginsProxiesOrTokenFilesAreLeftToFabric8() throws IOException {
        String base = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: https://c:6443
                %s
                contexts:
                - name: c
                  context:
                    cluster: c
                    user: u
                current-context: c
                users:
                - name: u
                  user:
                %s
                """;
        assertThat(PlainKubeconfig.read(write(base.formatted("", "    exec:\n      command: aws\n      apiVersion: "
                + "client.authentication.k8s.io/v1")), null)).isEmpty();
        assertThat(PlainKubeconfig.read(write(base.formatted("", "    auth-provider:\n      name: oidc")), null))
                .isEmpty();
        assertThat(PlainKubeconfig.read(write(base.formatted("", "    tokenFile: /var/token")), null)).isEmpty();
        assertThat(PlainKubeconfig.read(write(base.formatted("    proxy-url: http://proxy:3128", "    token: t")),
                null)).isEmpty();
    }

    @Test
    void aMissingContextOrAFileThatIsNoKubeconfigIsLeftToFabric8() throws IOException {
        Path file = write("apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n");
        assertThat(PlainKubeconfig.read(file, "nowhere")).isEmpty();
        assertThat(PlainKubeconfig.read(write("- just\n- a list\n"), null)).isEmpty();
        assertThat(PlainKubeconfig.read(temp.resolve("absent.yaml"), null)).isEmpty();
    }

    private void assertSameAsFabric8(Path file, String context) {
        Optional<Config> direct = PlainKubeconfig.read(file, context);
        Config fabric8 = Config.fromKubeconfig(context, file.toFile());
        assertThat(direct).isPresent();
        assertThat(tree(direct.get())).isEqualTo(tree(fabric8));
    }

    private static JsonNode tree(Config config) {
        return JSON.valueToTree(config);
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(temp, "kubeconfig", ".yaml");
        Files.writeString(file, text);
        return file;
    }

}
