// LazyDetailUseToken: DetailUseToken ("Use this access token for …"), its code loaded with import() when a row is first selected.
import type { DetailUseTokenProps } from '../DetailUseToken';
import { useLazyModule } from './useLazyModule';
import { loadDetailUseToken } from './views';

/** {@link DetailUseToken}'s drop-in replacement (same props); nothing while loading (a small button). */
export function LazyDetailUseToken(props: DetailUseTokenProps) {
  const loaded = useLazyModule(loadDetailUseToken);
  return loaded ? <loaded.DetailUseToken {...props} /> : null;
}
