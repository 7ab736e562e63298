package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.file.ContentPolicy;
import io.clientworkspace.spring.web.FileApiController;
import io.clientworkspace.spring.web.FileProblemDetailsAdvice;
import io.clientworkspace.spring.web.FolderApiController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of folders and files, and the problems only files raise (imported by
 * {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class FileApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FolderApiController workspaceFolderApiController(WorkspaceKit kit) {
        return new FolderApiController(kit);
    }

    @Bean
    @ConditionalOnMissingBean
    FileApiController workspaceFileApiController(WorkspaceKit kit, ObjectProvider<ContentPolicy> contentPolicy) {
        return new FileApiController(kit, contentPolicy.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    FileProblemDetailsAdvice workspaceFileProblemDetailsAdvice() {
        return new FileProblemDetailsAdvice();
    }
}
