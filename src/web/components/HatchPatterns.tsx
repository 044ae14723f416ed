// The diagonal hatch laid over states that are not only told apart by colour.
export function HatchPatterns(props: { readonly prefix: string }) {
  return (
    <defs>
      <pattern
        id={`${props.prefix}-hatch`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="2" height="6" fill="rgba(255,255,255,0.45)" />
      </pattern>
    </defs>
  );
}
