/** `distributed-tracing` → `Distributed tracing`: the same plain words on every platform. */
export function topicLabel(topic: string): string {
  const words = topic.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
