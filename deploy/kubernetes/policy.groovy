// The node agent's default policy (mimg agent; in the image as /etc/mimg/policy.groovy, in Kubernetes the
// ConfigMap mimg-agent-policy): on the node's containerd (namespace k8s.io), drop every platform variant but the
// node's own. A variant a container uses is kept, an image is never emptied (one whose platforms are all foreign
// stays whole), tags and indexes stay, so a pull can bring a platform back. A dry run unless the agent has --apply.
enforce images().notPlatform(Platform.host().toString())
