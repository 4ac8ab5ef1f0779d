/**
 * Conventions around Bastion's SBE codecs (package {@code io.bastion.sbe}): fixed-point and stream conventions every
 * component shares.
 * <pre>
 *   fix-gateway --ClientNewOrder/ClientCancel/VenueExecution/SessionStatus--> [1001] --> oms
 *   oms --VenueNewOrder/VenueCancel/ClientExecutionReport/ClientCancelReject--> [1002] --> fix-gateway
 * </pre>
 */
package io.bastion.protocol;
