package io.clientworkspace.spi;

import io.clientworkspace.memory.InMemoryStores;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every store of a {@link Stores} can be replaced on its own, as decorators and fault injectors need. */
class StoresTest {

    @Test
    void everyComponentHasAWithMethodThatReplacesJustThatComponent() throws Exception {
        Stores original = InMemoryStores.create();
        EventOutbox outbox = (EventOutbox) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{EventOutbox.class}, (proxy, method, args) -> null);
        Stores replacements = InMemoryStores.create().withOutbox(Optional.of(outbox));

        for (RecordComponent component : Stores.class.getRecordComponents()) {
            String name = component.getName();
            Method with = Stores.class.getMethod("with" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    component.getType());
            Object replacement = component.getAccessor().invoke(replacements);

            Stores replaced = (Stores) with.invoke(original, replacement);

            for (RecordComponent other : Stores.class.getRecordComponents()) {
                Object expected = other.getName().equals(name) ? replacement : other.getAccessor().invoke(original);
                assertThat(other.getAccessor().invoke(replaced)).as("%s after %s", other.getName(), with.getName())
                        .isSameAs(expected);
            }
        }
    }
}
