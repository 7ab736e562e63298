package io.clientworkspace.file;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;

import java.util.List;

/**
 * Folders, files, versions and downloads. Other features hook into it by contributing
 * {@link FileVersionHook}s and {@link FileLifecycleHook}s in their first phase.
 */
public final class FileFeature implements Feature {

    @Override
    public String name() {
        return "files";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(FolderStore.class, FileStore.class, DownloadLogStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(FileService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("workspaces");
    }

    @Override
    public void install(FeatureContext ctx) {
        ctx.provide(FileService.class, new FileService(ctx.kernel(), ctx.access(), ctx.settings(),
                ctx.contributions(FileVersionHook.class), ctx.contributions(FileLifecycleHook.class)));
    }
}
