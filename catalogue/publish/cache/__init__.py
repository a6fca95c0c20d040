"""The build cache: what the last build read and wrote, so that the next one redoes only what changed."""
