package cn.onething.outbox.internal;

import java.util.UUID;

/**
 * Names a dispatcher in lease_owner so that a person reading the table sees which replica holds a row: the host
 * name (the pod's name on Kubernetes), the process id, and a random part that keeps two dispatchers apart.
 */
final class ReplicaName {

	private ReplicaName() {
	}

	static String next() {
		String host = System.getenv("HOSTNAME");
		return (host == null || host.isBlank() ? "replica" : host) + "-" + ProcessHandle.current().pid() + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
	}
}
