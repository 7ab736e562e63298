package io.clientworkspace.record;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.LinkedRecordStore;

import java.util.List;

/** Linked records ({@code records}): the host's invoices, tickets, contracts, reports and maintenance windows. */
public final class RecordFeature implements Feature {

    @Override
    public String name() {
        return "records";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(LinkedRecordStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(LinkedRecordService.class);
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(LinkedRecordService.class, new LinkedRecordService(ctx.kernel(), ctx.access(),
                ctx.stores().require(LinkedRecordStore.class)));
    }
}
