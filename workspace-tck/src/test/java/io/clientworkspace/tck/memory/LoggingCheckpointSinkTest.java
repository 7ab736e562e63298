package io.clientworkspace.tck.memory;

import io.clientworkspace.checkpoint.LoggingCheckpointSink;
import io.clientworkspace.memory.InMemoryCheckpointSink;
import io.clientworkspace.spi.CheckpointSink;
import io.clientworkspace.tck.CheckpointSinkContract;

/** The logging sink, in front of the in-memory one, passes the {@link CheckpointSinkContract}. */
class LoggingCheckpointSinkTest extends CheckpointSinkContract {

    @Override
    protected CheckpointSink createSink() {
        return new LoggingCheckpointSink(new InMemoryCheckpointSink());
    }
}
