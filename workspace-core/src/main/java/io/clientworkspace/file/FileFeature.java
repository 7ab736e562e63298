package io.clientworkspace.file;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;

import java.util.List;

/**
 * Folders ({@link FolderService}), files and versions ({@link FileService}), downloads
 * ({@link DownloadService}) and the orphan sweep ({@link FileMaintenance}), sharing one set of access
 * checks and stored-blob helpers. Other features hook into it by contributing
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
        return List.of(FolderService.class, FileService.class, DownloadService.class, FileMaintenance.class);
    }

    @Override
    public List<String> requires() {
        return List.of("workspaces");
    }

    @Override
    public void install(FeatureContext ctx) {
        FileStore files = ctx.stores().require(FileStore.class);
        FileAccess checks = new FileAccess(ctx.access(), ctx.stores().require(FolderStore.class), files);
        FileBlobs blobs = new FileBlobs(ctx.settings().blobs(), files);
        ctx.provide(FolderService.class, new FolderService(ctx.kernel(), checks));
        ctx.provide(FileService.class, new FileService(ctx.kernel(), checks, blobs, ctx.settings(),
                ctx.contributions(FileVersionHook.class), ctx.contributions(FileLifecycleHook.class)));
        ctx.provide(DownloadService.class, new DownloadService(ctx.kernel(), checks, blobs,
                ctx.settings().downloadPolicy()));
        ctx.provide(FileMaintenance.class, new FileMaintenance(ctx.kernel(), blobs));
    }
}
