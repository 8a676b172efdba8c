package io.retailgen.examples.guide;

import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyInterceptor;
import io.retailgen.governance.audit.AuditInterceptor;
import io.retailgen.governance.audit.AuditLog;
import io.retailgen.recommend.BusinessRules;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.Recommender;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// The Spring Boot wiring of docs/integration-guide.md, section 2, compiled so the guide cannot drift from the API.
// IntegrationGuideTest checks that the text between the tag lines is the guide's snippet, character for character.
// tag::spring-config[]
@Configuration
public class RetailGenConfig {

    @Bean
    ContentPolicy contentPolicy(@Value("${retailgen.policy-file:}") String policyFile) {
        return policyFile.isBlank() ? ContentPolicy.defaults() : ContentPolicy.fromJson(Path.of(policyFile));
    }

    @Bean(destroyMethod = "close")
    AuditLog auditLog(@Value("${retailgen.audit-dir}") Path dir,
                      @Value("${retailgen.audit-anchor}") Path anchor, KeyPair auditKeys) {
        // the anchor receipt lives outside the log directory (docs/security.md, "Audit log"); one writer per
        // directory: a second instance pointed at the same directory fails to start
        return AuditLog.builder().directory(dir).signingKey(auditKeys).anchor(anchor)
                .checkpointEvery(1000).fsyncEvery(100).build();
    }

    @Bean
    KeyPair auditKeys() {
        // Load the Ed25519 key pair from your key store or secret manager. A key generated per process
        // (AuditLog.generateKeyPair()) cannot continue or verify the log after a restart. Never keep the
        // private key in the audit directory: whoever can edit the log could then re-sign it.
        return MyKeyStore.loadEd25519("retailgen-audit");
    }

    @Bean
    InterceptorChain generationChain(AuditLog log, ContentPolicy policy) {
        return InterceptorChain.of(new AuditInterceptor(log), new PolicyInterceptor(policy)); // audit outermost
    }

    @Bean(destroyMethod = "close")
    ModelHandle<RecommendModel> recommendModel(@Value("${retailgen.recommend.model-dir}") Path dir) {
        // a bundle saved by the training job: model.toBundle(name, version).saveTo(dir)
        return ModelHandle.of(ModelBundle.load(dir), RecommendModel::fromBundle);
    }

    @Bean(destroyMethod = "close")
    Recommender recommender(ModelHandle<RecommendModel> model, CatalogService catalog, InterceptorChain chain) {
        return Recommender.builder()
                .model(model)                            // handle.swap(bundle) replaces the model while serving
                .catalog(catalog.current())              // Catalog.of(List<CatalogItem>): stock, categories, names
                .interceptors(chain)                     // every list and its explanations audited and checked
                .rules(BusinessRules.defaults().withCategoryCap(3))
                .sessionIdle(Duration.ofMinutes(30))
                .maxSessions(200_000)
                .build();
    }
}
// end::spring-config[]
