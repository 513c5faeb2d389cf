/** containerd as an image store: its own gRPC API (images, content, snapshots, leases, containers) on its socket. */
package dev.mimg.store.containerd;
