package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.checkpoint.CheckpointKeys;
import io.clientworkspace.checkpoint.CheckpointReport;
import io.clientworkspace.checkpoint.LoggingCheckpointSink;
import io.clientworkspace.jpa.JpaCheckpointSink;
import io.clientworkspace.memory.InMemoryCheckpointSink;
import io.clientworkspace.spi.CheckpointSink;
import io.clientworkspace.spring.CheckpointScheduler;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WorkspaceCheckpointAutoConfiguration}: keys from properties or a bean, the sink, the scheduler. */
@ExtendWith(OutputCaptureExtension.class)
class WorkspaceCheckpointAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL)
            .withPropertyValues("client-workspace.store=memory");

    @TempDir
    Path dir;

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private Path pem(String name, String label, byte[] der) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der) + "\n-----END " + label + "-----\n",
                StandardCharsets.US_ASCII);
        return file;
    }

    private static Actor signSomething(WorkspaceKit kit) {
        Workspace acme = KitAutoConfigurations.createAndReadAWorkspace(kit);
        assertThat(kit.checkpoints().signChangedWorkspaces()).isEqualTo(1);
        return Actor.team(acme.tenantId(), "alice");
    }

    @Test
    void withoutAKeyNothingIsSignedAndAnInfoSaysHowToConfigureOne(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(CheckpointKeys.class);
            assertThat(context.getBean(WorkspaceKit.class).checkpoints().canSign()).isFalse();
            assertThat(context.getBean(CheckpointScheduler.class).isRunning()).isFalse();
            assertThat(output).contains("Activity checkpoints are not signed").contains("client-workspace.checkpoints.private-key");
        });
    }

    @Test
    void aPkcs8PemPrivateKeySignsCheckpointsOnASchedule() throws Exception {
        KeyPair pair = ed25519();
        Path key = pem("checkpoint-key.pem", "PRIVATE KEY", pair.getPrivate().getEncoded());

        runner.withPropertyValues("client-workspace.checkpoints.private-key=" + key).run(context -> {
            assertThat(context).hasNotFailed();
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            assertThat(kit.checkpoints().keys().orElseThrow().signingKeyId())
                    .hasValue(CheckpointKeys.keyId(pair.getPublic()));
            assertThat(context.getBean(CheckpointScheduler.class).isRunning()).isTrue();
            Actor alice = signSomething(kit);
            CheckpointReport report = kit.checkpoints().verify(alice, kit.workspaces().list(alice,
                    io.clientworkspace.PageRequest.first()).items().get(0).id());
            assertThat(report.isIntact()).isTrue();
        });
    }

    @Test
    void thePrivateKeyMayBeAResourceLocationAndDer() throws Exception {
        KeyPair pair = ed25519();
        Path key = dir.resolve("checkpoint-key.der");
        Files.write(key, pair.getPrivate().getEncoded());

        runner.withPropertyValues("client-workspace.checkpoints.private-key=" + key.toUri()).run(context ->
                assertThat(context.getBean(CheckpointKeys.class).signingKeyId()).hasValue(CheckpointKeys.keyId(pair.getPublic())));
    }

    @Test
    void thePublicKeyPropertyAloneVerifiesWithoutSigning() throws Exception {
        KeyPair pair = ed25519();
        Path key = pem("checkpoint-key.pub.pem", "PUBLIC KEY", pair.getPublic().getEncoded());

        runner.withPropertyValues("client-workspace.checkpoints.public-key=" + key).run(context -> {
            CheckpointKeys keys = context.getBean(CheckpointKeys.class);
            assertThat(keys.signingKeyId()).isEmpty();
            assertThat(keys.trustedKeyIds()).containsExactly(CheckpointKeys.keyId(pair.getPublic()));
            assertThat(context.getBean(CheckpointScheduler.class).isRunning()).isFalse();
        });
    }

    @Test
    void aPublicKeyThatDoesNotMatchThePrivateKeyFailsTheStart() throws Exception {
        Path privateKey = pem("a.pem", "PRIVATE KEY", ed25519().getPrivate().getEncoded());
        Path publicKey = pem("b.pub.pem", "PUBLIC KEY", ed25519().getPublic().getEncoded());

        runner.withPropertyValues("client-workspace.checkpoints.private-key=" + privateKey,
                "client-workspace.checkpoints.public-key=" + publicKey).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("client-workspace.checkpoints.private-key").hasMessageContaining("does not belong"));
    }

    @Test
    void aMissingKeyFileFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("client-workspace.checkpoints.private-key=" + dir.resolve("nowhere.pem")).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("client-workspace.checkpoints.private-key").hasMessageContaining("does not exist"));
    }

    @Test
    void anRsaKeyFailsTheStartNamingTheProperty() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        Path key = pem("rsa.pem", "PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());

        runner.withPropertyValues("client-workspace.checkpoints.private-key=" + key).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("client-workspace.checkpoints.private-key").hasMessageContaining("Ed25519"));
    }

    @Test
    void aFileThatIsNoKeyFailsTheStartNamingTheProperty() throws Exception {
        Path key = dir.resolve("notes.txt");
        Files.writeString(key, "not a key");

        runner.withPropertyValues("client-workspace.checkpoints.private-key=" + key).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("client-workspace.checkpoints.private-key").hasMessageContaining("PKCS#8"));
    }

    @Test
    void aCheckpointKeysBeanIsUsedAndOtherKeyPairBeansAreLeftAlone() throws Exception {
        CheckpointKeys keys = CheckpointKeys.generate();
        KeyPair unrelated = ed25519();

        runner.withBean(CheckpointKeys.class, () -> keys).withBean("someOtherKeyPair", KeyPair.class, () -> unrelated)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(WorkspaceKit.class).checkpoints().keys()).containsSame(keys);
                });
    }

    @Test
    void anEd25519KeyPairBeanNamedForCheckpointsSignsThem() throws Exception {
        KeyPair pair = ed25519();
        KeyPair unrelated = ed25519();

        runner.withBean(WorkspaceCheckpointAutoConfiguration.KEY_PAIR_BEAN, KeyPair.class, () -> pair)
                .withBean("someOtherKeyPair", KeyPair.class, () -> unrelated)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CheckpointKeys keys = context.getBean(WorkspaceKit.class).checkpoints().keys().orElseThrow();
                    assertThat(keys.signingKeyId()).contains(CheckpointKeys.keyId(pair.getPublic()));
                });
    }

    @Test
    void anRsaKeyPairBeanNamedForCheckpointsFailsTheStartNamingTheBean() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair pair = rsa.generateKeyPair();

        runner.withBean(WorkspaceCheckpointAutoConfiguration.KEY_PAIR_BEAN, KeyPair.class, () -> pair).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining(WorkspaceCheckpointAutoConfiguration.KEY_PAIR_BEAN)
                        .hasMessageContaining("Ed25519"));
    }

    @Test
    void aZeroIntervalSwitchesSigningOff() throws Exception {
        Path key = pem("checkpoint-key.pem", "PRIVATE KEY", ed25519().getPrivate().getEncoded());

        runner.withPropertyValues("client-workspace.checkpoints.private-key=" + key, "client-workspace.checkpoints.interval=0s")
                .run(context -> {
                    assertThat(context.getBean(WorkspaceKit.class).checkpoints().canSign()).isTrue();
                    assertThat(context.getBean(CheckpointScheduler.class).isRunning()).isFalse();
                });
    }

    @Test
    void onTheInMemoryStoresCheckpointsAreLoggedAndKeptInMemory() {
        runner.run(context -> {
            CheckpointSink sink = context.getBean(CheckpointSink.class);
            assertThat(sink).isInstanceOf(LoggingCheckpointSink.class);
            assertThat(((LoggingCheckpointSink) sink).delegate()).isInstanceOf(InMemoryCheckpointSink.class);
            assertThat(context.getBean(WorkspaceKit.class).checkpoints().sink()).isSameAs(sink);
        });
    }

    @Test
    void aCheckpointSinkBeanReplacesTheDefault() {
        CheckpointSink own = new InMemoryCheckpointSink();

        runner.withBean(CheckpointSink.class, () -> own).run(context ->
                assertThat(context.getBean(WorkspaceKit.class).checkpoints().sink()).isSameAs(own));
    }

    @Test
    void onTheJpaStoresCheckpointsGoToTheTableAndTheLog(CapturedOutput output) {
        CheckpointKeys keys = CheckpointKeys.generate();
        new ApplicationContextRunner()
                .withConfiguration(KitAutoConfigurations.JPA)
                .withConfiguration(KitAutoConfigurations.ALL)
                .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
                .withBean(CheckpointKeys.class, () -> keys)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CheckpointSink sink = context.getBean(CheckpointSink.class);
                    assertThat(((LoggingCheckpointSink) sink).delegate()).isInstanceOf(JpaCheckpointSink.class);
                    signSomething(context.getBean(WorkspaceKit.class));
                    assertThat(new JdbcTemplate(context.getBean(DataSource.class))
                            .queryForObject("SELECT COUNT(*) FROM cwk_activity_checkpoint", Integer.class)).isEqualTo(1);
                    assertThat(output).contains("checkpoint v1 tenant=");
                });
    }

    @Test
    void theCheckpointPropertiesAreDescribedForIdes() throws Exception {
        String metadata;
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource(
                "META-INF/spring-configuration-metadata.json").getInputStream()) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        java.util.List<java.util.Map<String, Object>> properties = com.jayway.jsonpath.JsonPath.read(metadata,
                "$.properties[?(@.name =~ /client-workspace\\.checkpoints\\..*/)]");

        assertThat(properties).extracting(p -> p.get("name")).containsExactlyInAnyOrder(
                "client-workspace.checkpoints.private-key", "client-workspace.checkpoints.public-key", "client-workspace.checkpoints.interval");
        assertThat(properties).allSatisfy(p -> assertThat(p.get("description")).asString().isNotBlank());
        assertThat(properties).filteredOn(p -> "client-workspace.checkpoints.interval".equals(p.get("name")))
                .singleElement().satisfies(p -> assertThat(p).containsEntry("defaultValue", "1h"));
    }
}
