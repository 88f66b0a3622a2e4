/**
 * The signed-in retailer's cart, shared by the navigation badge and the storefront pages, so adding a product
 * updates the count at once. Other accounts have no cart: the provider stays empty for them.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { NotAllowed } from '../shell/guards.tsx';
import type { Me } from '../auth/session.ts';
import type { Cart } from './types.ts';

/** Retailers whose role lets them buy: the only ones who see "Add to cart" and the cart. */
export const canBuy = (me: Me | null) =>
  me?.companyKind === 'retailer' && me.permissions.includes('orders:place');

interface CartState {
  cart: Cart | null;
  /** Take the cart the API answered with (every cart route answers with the whole cart). */
  setCart: (cart: Cart) => void;
  refresh: () => Promise<void>;
}

const CartContext = createContext<CartState>({ cart: null, setCart: () => {}, refresh: async () => {} });

export function CartProvider({ children }: { children: ReactNode }) {
  const { me, session } = useSession();
  const [cart, setCart] = useState<Cart | null>(null);
  const buyer = canBuy(me);

  const refresh = useCallback(async () => {
    if (!buyer) return;
    try {
      setCart(await session.fetchJson<Cart>('/api/v1/cart'));
    } catch {
      // The badge is a convenience: the cart page shows its own error.
    }
  }, [buyer, session]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ cart: buyer ? cart : null, setCart, refresh }), [buyer, cart, refresh]);
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export const useCart = () => useContext(CartContext);

/** Cart, checkout and payment pages: retailers whose role may buy (a viewer reads orders but has no cart). */
export function RequireBuyer({ children }: { children: ReactNode }) {
  const { me } = useSession();
  return canBuy(me) ? <>{children}</> : <NotAllowed />;
}
