/** The words of the deck.gl maps: the executive's GMV by buyer location and the manufacturer's buyer cities. */
import { localized, type Catalog } from '../../marketplace/ui/i18n/index.ts';

const en = {
  cannotShow: 'The map cannot be shown in this browser',
  tableBelow: (reason: string) => `${reason} The figures are in the table below.`,
  noWebgl: 'It needs WebGL2, which this browser has turned off or does not have.',
  failedToDraw: (error: string) => `The map failed to draw (${error}).`,
  couldNotLoad: 'The map could not be loaded.',
  loading: 'Loading map',
  noLocations: 'No buyer locations in this period',
  legendLow: 'less',
  legendHigh: 'more',
  legendDots: 'dots sized by the same figure',
  city: 'City',
  country: 'Country',
  latitude: 'Latitude',
  longitude: 'Longitude',
  showOrdersThere: 'show the orders from buyers there',
  ordersFrom: (city: string, country: string) => `Orders from buyers in ${city}, ${country}`,
  place: (city: string, country: string) => `${city}, ${country}`,

  gmv: {
    title: 'GMV by buyer location',
    subtitle: 'Heat by GMV of the buying retailers’ cities; click a city for its orders',
    figure: 'GMV',
    figureUsd: 'GMV (USD)',
    caption: 'GMV by buyer city',
    label: (cities: string) => `GMV by buyer city on a world map: ${cities}`,
    tooltip: (place: string, gmv: string) => `${place}: ${gmv}`,
  },

  buyers: {
    title: 'Where your buyers are',
    subtitle:
      'Heat by your sales to each buyer city; point at a city for its figures, click it for its orders',
    figure: 'Sales',
    figureUsd: 'Sales (USD)',
    buyers: 'Buyers',
    caption: 'Sales by buyer city',
    label: (cities: string) => `Sales by buyer city on a map: ${cities}`,
    tooltip: (place: string, sales: string, buyers: string) => `${place}\nSales: ${sales}\nBuyers: ${buyers}`,
  },
};

const es = {
  cannotShow: 'El mapa no se puede mostrar en este navegador',
  tableBelow: (reason) => `${reason} Las cifras están en la tabla de abajo.`,
  noWebgl: 'Necesita WebGL2, que este navegador tiene desactivado o no admite.',
  failedToDraw: (error) => `No se ha podido dibujar el mapa (${error}).`,
  couldNotLoad: 'No se ha podido cargar el mapa.',
  loading: 'Cargando el mapa',
  noLocations: 'No hay ubicaciones de compradores en este periodo',
  legendLow: 'menos',
  legendHigh: 'más',
  legendDots: 'puntos según la misma cifra',
  city: 'Ciudad',
  country: 'País',
  latitude: 'Latitud',
  longitude: 'Longitud',
  showOrdersThere: 'mostrar los pedidos de compradores de allí',
  ordersFrom: (city, country) => `Pedidos de compradores de ${city}, ${country}`,
  place: (city, country) => `${city}, ${country}`,

  gmv: {
    title: 'GMV por ubicación del comprador',
    subtitle:
      'Intensidad según el GMV de las ciudades de los minoristas compradores; haga clic en una ciudad para ver sus pedidos',
    figure: 'GMV',
    figureUsd: 'GMV (USD)',
    caption: 'GMV por ciudad del comprador',
    label: (cities) => `GMV por ciudad del comprador en un mapa del mundo: ${cities}`,
    tooltip: (place, gmv) => `${place}: ${gmv}`,
  },

  buyers: {
    title: 'Dónde están sus compradores',
    subtitle:
      'Intensidad según sus ventas a cada ciudad; señale una ciudad para ver sus cifras y haga clic para ver sus pedidos',
    figure: 'Ventas',
    figureUsd: 'Ventas (USD)',
    buyers: 'Compradores',
    caption: 'Ventas por ciudad del comprador',
    label: (cities) => `Ventas por ciudad del comprador en un mapa: ${cities}`,
    tooltip: (place, sales, buyers) => `${place}\nVentas: ${sales}\nCompradores: ${buyers}`,
  },
} satisfies Catalog<typeof en>;

const fr = {
  cannotShow: 'La carte ne peut pas s’afficher dans ce navigateur',
  tableBelow: (reason) => `${reason} Les chiffres sont dans le tableau ci-dessous.`,
  noWebgl: 'Elle nécessite WebGL2, que ce navigateur a désactivé ou ne prend pas en charge.',
  failedToDraw: (error) => `La carte n’a pas pu être dessinée (${error}).`,
  couldNotLoad: 'La carte n’a pas pu être chargée.',
  loading: 'Chargement de la carte',
  noLocations: 'Aucune localisation d’acheteur sur cette période',
  legendLow: 'moins',
  legendHigh: 'plus',
  legendDots: 'points proportionnels au même chiffre',
  city: 'Ville',
  country: 'Pays',
  latitude: 'Latitude',
  longitude: 'Longitude',
  showOrdersThere: 'afficher les commandes des acheteurs de cet endroit',
  ordersFrom: (city, country) => `Commandes des acheteurs de ${city}, ${country}`,
  place: (city, country) => `${city}, ${country}`,

  gmv: {
    title: 'GMV par localisation de l’acheteur',
    subtitle:
      'Intensité selon le GMV des villes des détaillants acheteurs\u00a0; cliquez sur une ville pour ses commandes',
    figure: 'GMV',
    figureUsd: 'GMV (USD)',
    caption: 'GMV par ville de l’acheteur',
    label: (cities) => `GMV par ville de l’acheteur sur une carte du monde\u00a0: ${cities}`,
    tooltip: (place, gmv) => `${place}\u00a0: ${gmv}`,
  },

  buyers: {
    title: 'Où sont vos acheteurs',
    subtitle:
      'Intensité selon vos ventes à chaque ville\u00a0; survolez une ville pour ses chiffres, cliquez pour ses commandes',
    figure: 'Ventes',
    figureUsd: 'Ventes (USD)',
    buyers: 'Acheteurs',
    caption: 'Ventes par ville de l’acheteur',
    label: (cities) => `Ventes par ville de l’acheteur sur une carte\u00a0: ${cities}`,
    tooltip: (place, sales, buyers) => `${place}\nVentes\u00a0: ${sales}\nAcheteurs\u00a0: ${buyers}`,
  },
} satisfies Catalog<typeof en>;

export const mapMessages = localized({ en, es, fr });
