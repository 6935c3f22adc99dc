export { cx } from './cx';
export { Button, buttonClasses, type ButtonProps, type ButtonSize, type ButtonVariant } from './button';
export { Card, type CardProps } from './card';
export { Pill, type PillProps, type PillTone } from './pill';
export { Container, type ContainerProps, type ContainerSize } from './container';
export { Logo, LogoMark, type LogoProps } from './logo';
