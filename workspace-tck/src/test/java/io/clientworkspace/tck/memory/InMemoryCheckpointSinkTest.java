package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryCheckpointSink;
import io.clientworkspace.spi.CheckpointSink;
import io.clientworkspace.tck.CheckpointSinkContract;

/** The in-memory sink passes the {@link CheckpointSinkContract}. */
class InMemoryCheckpointSinkTest extends CheckpointSinkContract {

    @Override
    protected CheckpointSink createSink() {
        return new InMemoryCheckpointSink();
    }
}
