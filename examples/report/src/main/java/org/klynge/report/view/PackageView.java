package org.klynge.report.view;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.KeyQuestions;
import org.klynge.core.result.PublishedTable;

/**
 * What the report of one package shows, already published and checked: the package's texts in
 * the report's language, who it is for, and one view per indicator.
 *
 * @param pkg the package
 * @param title the title in the report's language
 * @param topic the topic in the report's language
 * @param questions the three questions in the report's language
 * @param clusterId the cluster
 * @param clusterName the cluster's name
 * @param clinicId the viewer's own clinic
 * @param clinicName the own clinic's name
 * @param indicators one per indicator of the package
 * @param published the published table (for the audience, the threshold, provenance and reconciliation)
 */
public record PackageView(
    ClusterPackage pkg,
    String title,
    String topic,
    KeyQuestions questions,
    String clusterId,
    String clusterName,
    String clinicId,
    String clinicName,
    List<IndicatorView> indicators,
    PublishedTable published) {
  public PackageView {
    requireNonNull(pkg, "pkg");
    requireNonNull(title, "title");
    requireNonNull(topic, "topic");
    requireNonNull(questions, "questions");
    requireNonNull(clusterId, "clusterId");
    requireNonNull(clusterName, "clusterName");
    requireNonNull(clinicId, "clinicId");
    requireNonNull(clinicName, "clinicName");
    indicators = ImmutableList.copyOf(indicators);
    requireNonNull(published, "published");
  }
}
