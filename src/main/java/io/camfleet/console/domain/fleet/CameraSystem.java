package io.camfleet.console.domain.fleet;

import java.util.Objects;

/**
 * One Linux camera box at a site: what it is and how it is reached. What it reports lives in
 * {@link CameraTelemetry}.
 *
 * @param sshAddress   host or host:port for direct SSH; may be empty
 * @param jumpHost     bastion to reach it through; may be empty
 * @param ssmNodeId    AWS SSM managed-node id ({@code mi-...}); may be empty
 * @param iotThingName AWS IoT thing name; may be empty
 * @param image        OS image (AMI id or image version)
 */
public record CameraSystem(
        String id,
        String siteId,
        String hostname,
        String sshAddress,
        String jumpHost,
        String ssmNodeId,
        String iotThingName,
        String image,
        String softwareVersion) {

    public CameraSystem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        hostname = hostname == null ? id : hostname;
        sshAddress = sshAddress == null ? "" : sshAddress;
        jumpHost = jumpHost == null ? "" : jumpHost;
        ssmNodeId = ssmNodeId == null ? "" : ssmNodeId;
        iotThingName = iotThingName == null ? "" : iotThingName;
        image = image == null ? "" : image;
        softwareVersion = softwareVersion == null ? "" : softwareVersion;
    }

    /** The same camera running another release. */
    public CameraSystem withSoftwareVersion(String version) {
        return new CameraSystem(id, siteId, hostname, sshAddress, jumpHost, ssmNodeId, iotThingName, image, version);
    }
}
