/**
 * Who may see a piece of case data, written with the data (bkg 2019 §3; sundhedsloven §42a): every resource of a case
 * carries {@code meta.security} labels of the gateway's CodeSystem {@code kf-access}, one per organisation that may see
 * it, computed from the case by {@link dk.kfgateway.access.AccessLabelPolicy} in the transaction that changes the case
 * (owner, consent held or withdrawn, copies addressed) and kept current by {@link dk.kfgateway.access.LabelMaintenance}.
 * Every search of a caller is narrowed by its organisation's label where the rows are selected
 * ({@link dk.kfgateway.access.SearchNarrowing}), so paging, includes and totals see only permitted rows; reads, includes
 * and pages are checked against the same labels as a second line ({@link dk.kfgateway.access.LabelFilter}), and what a
 * clinic sees by a consent against that consent as it holds now ({@link dk.kfgateway.access.Visibility}). Paging links
 * belong to the client that made the search ({@link dk.kfgateway.access.OwnedPages}).
 */
package dk.kfgateway.access;
