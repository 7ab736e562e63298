package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.DownloadEntity;
import io.clientworkspace.jpa.entity.FileEntity;
import io.clientworkspace.jpa.entity.FileVersionEntity;
import io.clientworkspace.jpa.entity.FolderEntity;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** Files: folders, files and their versions, and the download log. */
final class JpaFileFeature implements JpaFeature {

    @Override
    public String name() {
        return "files";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(FolderEntity.class, FileEntity.class, FileVersionEntity.class, DownloadEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(FolderStore.class, new JpaFolderStore(transactions))
                .add(FileStore.class, new JpaFileStore(transactions))
                .add(DownloadLogStore.class, new JpaDownloadLogStore(transactions));
    }
}
