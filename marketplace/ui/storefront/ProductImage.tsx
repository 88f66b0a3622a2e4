/**
 * Product images are storage keys until binary upload exists (and the page's CSP allows only our own images), so
 * every product shows a placeholder: a tinted tile with the product's initial. Inside a link whose text names
 * the product it is decorative; on its own it is labelled.
 */
export function ProductImage(props: {
  name: string;
  index?: number;
  label?: string;
  size?: 'card' | 'large';
}) {
  const initial = props.name.trim().charAt(0).toUpperCase() || '?';
  const tint = (props.index ?? 0) % 2 === 0 ? 'a' : 'b';
  return (
    <div
      className={`product-image product-image--${props.size ?? 'card'} product-image--${tint}`}
      {...(props.label ? { role: 'img', 'aria-label': props.label } : { 'aria-hidden': true })}
    >
      <span>{initial}</span>
    </div>
  );
}
