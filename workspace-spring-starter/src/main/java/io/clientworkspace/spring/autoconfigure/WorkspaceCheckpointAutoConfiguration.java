package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.checkpoint.CheckpointKeys;
import io.clientworkspace.checkpoint.LoggingCheckpointSink;
import io.clientworkspace.jpa.JpaCheckpointSink;
import io.clientworkspace.jpa.JpaTransactions;
import io.clientworkspace.memory.InMemoryCheckpointSink;
import io.clientworkspace.spi.CheckpointSink;
import io.clientworkspace.spring.CheckpointScheduler;
import io.clientworkspace.spring.WorkspaceProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

import java.io.IOException;
import java.io.InputStream;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.KeyPair;

/**
 * Signed checkpoints of the activity chains: the {@link CheckpointKeys} from
 * {@code client-workspace.checkpoints.private-key} / {@code public-key} (a {@code CheckpointKeys} bean of the
 * host, or an Ed25519 {@link KeyPair} bean named {@value #KEY_PAIR_BEAN}, replaces them), the {@link CheckpointSink} (the {@code cwk_activity_checkpoint} table when the
 * JPA stores are used, memory otherwise, each also writing one log line per checkpoint; a
 * {@code CheckpointSink} bean of the host replaces it) and the {@link CheckpointScheduler}. Without a
 * key nothing is signed (an INFO says how to configure one); a key file that is missing or not an
 * Ed25519 key fails the start with the property's name.
 */
@AutoConfiguration(after = WorkspaceJpaStoresAutoConfiguration.class, before = WorkspaceAutoConfiguration.class)
@EnableConfigurationProperties(WorkspaceProperties.class)
public class WorkspaceCheckpointAutoConfiguration {

    static final String PRIVATE_KEY = "client-workspace.checkpoints.private-key";
    static final String PUBLIC_KEY = "client-workspace.checkpoints.public-key";

    /** The name of a host's {@link KeyPair} bean that signs checkpoints; other {@code KeyPair} beans are left alone. */
    public static final String KEY_PAIR_BEAN = "workspaceCheckpointKeyPair";

    /**
     * Checkpoint keys from the host's Ed25519 {@link KeyPair} bean named {@value #KEY_PAIR_BEAN} (it wins over the
     * key properties); a pair that is not Ed25519 fails the start naming the bean.
     */
    @Bean
    @ConditionalOnMissingBean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(name = KEY_PAIR_BEAN)
    CheckpointKeys workspaceCheckpointKeysFromKeyPair(org.springframework.beans.factory.BeanFactory beans) {
        KeyPair pair = beans.getBean(KEY_PAIR_BEAN, KeyPair.class);
        try {
            return CheckpointKeys.of(pair);
        } catch (IllegalArgumentException e) {
            // No cause: the root cause a start failure reports must name the bean.
            throw new io.clientworkspace.spring.WorkspaceConfigurationException("The KeyPair bean '" + KEY_PAIR_BEAN
                    + "' cannot sign checkpoints: " + e.getMessage(), "Declare an Ed25519 key pair as '" + KEY_PAIR_BEAN
                    + "' (KeyPairGenerator.getInstance(\"Ed25519\")), or remove the bean and set"
                    + " client-workspace.checkpoints.private-key instead");
        }
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnCheckpointKeyProperty.class)
    CheckpointKeys workspaceCheckpointKeys(WorkspaceProperties properties, ResourceLoader resources) {
        WorkspaceProperties.Checkpoints config = properties.getCheckpoints();
        PublicKey publicKey = null;
        String publicKeyLocation = config.getPublicKey();
        if (publicKeyLocation != null && hasText(publicKeyLocation)) {
            byte[] bytes = read(resources, PUBLIC_KEY, publicKeyLocation);
            try {
                publicKey = CheckpointKeys.readPublicKey(bytes);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationPropertyValueException(PUBLIC_KEY, publicKeyLocation, e.getMessage());
            }
        }
        String privateKeyLocation = config.getPrivateKey();
        if (privateKeyLocation == null || !hasText(privateKeyLocation)) {
            return publicKey != null ? CheckpointKeys.verifyingOnly(publicKey) : CheckpointKeys.verifyingOnly();
        }
        byte[] bytes = read(resources, PRIVATE_KEY, privateKeyLocation);
        try {
            PrivateKey privateKey = CheckpointKeys.readPrivateKey(bytes);
            return publicKey != null ? CheckpointKeys.of(new KeyPair(publicKey, privateKey)) : CheckpointKeys.of(privateKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException(PRIVATE_KEY, privateKeyLocation, e.getMessage());
        }
    }

    @Bean
    @ConditionalOnMissingBean
    CheckpointScheduler workspaceCheckpointScheduler(WorkspaceKit kit, WorkspaceProperties properties) {
        return new CheckpointScheduler(kit, properties.getCheckpoints().getInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    CheckpointSink workspaceCheckpointSink() {
        return new LoggingCheckpointSink(new InMemoryCheckpointSink());
    }

    /** The table sink, on the kit's own JPA transactions, when the JPA stores are in use. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JpaCheckpointSink.class)
    @ConditionalOnBean(JpaTransactions.class)
    static class JpaSink {

        @Bean
        @ConditionalOnMissingBean
        CheckpointSink workspaceCheckpointSink(JpaTransactions transactions) {
            return new LoggingCheckpointSink(new JpaCheckpointSink(transactions));
        }
    }

    private static byte[] read(ResourceLoader resources, String property, String location) {
        Resource resource = location.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX) || location.contains(":/")
                || location.startsWith(ResourceUtils.FILE_URL_PREFIX)
                ? resources.getResource(location) : new FileSystemResource(location);
        if (!resource.exists()) {
            throw new InvalidConfigurationPropertyValueException(property, location, "the key file does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidConfigurationPropertyValueException(property, location,
                    "the key file cannot be read (" + e.getMessage() + ")");
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** Either key property is set. */
    static final class OnCheckpointKeyProperty extends AnyNestedCondition {

        OnCheckpointKeyProperty() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(PRIVATE_KEY)
        static final class PrivateKeySet {
        }

        @ConditionalOnProperty(PUBLIC_KEY)
        static final class PublicKeySet {
        }
    }
}
