/**
 * Reports about models and their outputs: {@link io.retailgen.governance.reports.ModelCard} describes a saved model
 * bundle (data, settings, metrics, privacy budget, intended use) as Markdown and JSON, and
 * {@link io.retailgen.governance.reports.ExposureAudit} measures how much attention each group of items receives in
 * ranked lists, per shopper segment.
 */
package io.retailgen.governance.reports;
