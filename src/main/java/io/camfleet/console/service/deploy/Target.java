package io.camfleet.console.service.deploy;

/**
 * A camera system as a deployment reaches it.
 *
 * @param address   host or host:port for SSH; may be empty for the demo and SSM
 * @param jumpHost  bastion to go through; may be empty
 * @param ssmNodeId SSM managed-node id; may be empty
 */
public record Target(String cameraId, String siteId, String address, String jumpHost, String ssmNodeId) {
}
